using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.ContentSafety;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>llm-content-safety (apim-reference §4.34); see <see cref="ContentSafetyCheck"/>.</summary>
public sealed class LlmContentSafetyHandler : IPolicyHandler
{
    public string PolicyName => ContentSafetyCheck.Policy;

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => ContentSafetyCheck.Bind(element, binder);
}
