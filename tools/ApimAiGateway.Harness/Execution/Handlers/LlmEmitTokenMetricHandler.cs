using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.TokenLimits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>llm-emit-token-metric (apim-reference §4.32): a stream's usage chunk is taken as reported when it comes.</summary>
public sealed class LlmEmitTokenMetricHandler : IPolicyHandler
{
    public string PolicyName => "llm-emit-token-metric";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        TokenMetricStep.Bind(element, binder, trustStreamedUsage: true);
}
