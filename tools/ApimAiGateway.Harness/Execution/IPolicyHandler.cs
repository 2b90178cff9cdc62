using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// The runtime behaviour of one policy, registered by element name. Binding reads the element's attributes,
/// literals and expressions once; the step it returns does the per-request work.
/// </summary>
public interface IPolicyHandler
{
    string PolicyName { get; }

    IPolicyStep Bind(PolicyElement element, PolicyBinder binder);
}
