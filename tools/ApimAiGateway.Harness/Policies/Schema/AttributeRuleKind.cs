namespace ApimAiGateway.Harness.Policies;

/// <summary>How the attributes named by an <see cref="AttributeRule"/> constrain each other.</summary>
public enum AttributeRuleKind
{
    /// <summary>Exactly one of the attributes must be present.</summary>
    ExactlyOneOf,

    /// <summary>At least one of the attributes must be present.</summary>
    AtLeastOneOf,

    /// <summary>At most one of the attributes may be present.</summary>
    MutuallyExclusive,

    /// <summary>Either all of the attributes are present or none is.</summary>
    RequiresTogether,
}
