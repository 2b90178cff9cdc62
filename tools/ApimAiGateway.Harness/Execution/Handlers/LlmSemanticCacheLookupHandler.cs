using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.SemanticCaching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>llm-semantic-cache-lookup (apim-reference §4.33); see <see cref="SemanticCacheLookup"/>.</summary>
public sealed class LlmSemanticCacheLookupHandler : IPolicyHandler
{
    public string PolicyName => "llm-semantic-cache-lookup";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => SemanticCacheLookup.Bind(PolicyName, element, binder);
}
