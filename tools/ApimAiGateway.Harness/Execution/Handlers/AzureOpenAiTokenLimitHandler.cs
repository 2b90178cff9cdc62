using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.TokenLimits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>azure-openai-token-limit (apim-reference §4.31): a stream's completion tokens are always estimated.</summary>
public sealed class AzureOpenAiTokenLimitHandler : IPolicyHandler
{
    public string PolicyName => "azure-openai-token-limit";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        TokenLimitStep.Bind(PolicyName, element, binder, trustStreamedUsage: false);
}
