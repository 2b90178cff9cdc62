namespace ApimAiGateway.Harness.Policies;

/// <summary>How often a policy may appear, as stated in its reference page's usage notes.</summary>
public enum PolicyOccurrence
{
    Unlimited,

    /// <summary>"This policy can only be used once in a policy section."</summary>
    OncePerSection,

    /// <summary>"This policy can be used only once per policy definition."</summary>
    OncePerDocument,
}
