namespace ApimAiGateway.Harness.Reading;

public enum PolicyDocumentKind
{
    /// <summary>A policy definition: root <c>&lt;policies&gt;</c> with inbound/backend/outbound/on-error.</summary>
    Policies,

    /// <summary>A policy fragment: root <c>&lt;fragment&gt;</c>.</summary>
    Fragment,
}
