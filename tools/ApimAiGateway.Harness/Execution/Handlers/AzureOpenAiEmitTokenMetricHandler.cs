using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.TokenLimits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>azure-openai-emit-token-metric (apim-reference §4.32): a stream's tokens are always estimated.</summary>
public sealed class AzureOpenAiEmitTokenMetricHandler : IPolicyHandler
{
    public string PolicyName => "azure-openai-emit-token-metric";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        TokenMetricStep.Bind(element, binder, trustStreamedUsage: false);
}
