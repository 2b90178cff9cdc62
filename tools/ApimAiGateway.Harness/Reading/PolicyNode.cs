using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>A child of a policy element: another element or a run of text.</summary>
public abstract class PolicyNode
{
    private protected PolicyNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    public PolicyElement? Parent { get; internal set; }
}
