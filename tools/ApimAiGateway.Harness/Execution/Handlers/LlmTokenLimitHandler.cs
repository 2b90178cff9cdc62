using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.TokenLimits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>llm-token-limit (apim-reference §4.31): a stream's usage chunk is taken as reported when it comes.</summary>
public sealed class LlmTokenLimitHandler : IPolicyHandler
{
    public string PolicyName => "llm-token-limit";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        TokenLimitStep.Bind(PolicyName, element, binder, trustStreamedUsage: true);
}
