namespace ApimAiGateway.Harness.Policies;

/// <summary>The sections of a policy document a policy may appear in.</summary>
[Flags]
public enum PolicySections
{
    None = 0,
    Inbound = 1,
    Backend = 2,
    Outbound = 4,
    OnError = 8,
    All = Inbound | Backend | Outbound | OnError,
}
