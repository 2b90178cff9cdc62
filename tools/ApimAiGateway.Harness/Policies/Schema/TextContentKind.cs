namespace ApimAiGateway.Harness.Policies;

/// <summary>What text (character content) an element may carry.</summary>
public enum TextContentKind
{
    /// <summary>No text other than whitespace.</summary>
    None,

    /// <summary>Literal text only; policy expressions are not evaluated there.</summary>
    Literal,

    /// <summary>Literal text or a policy expression.</summary>
    LiteralOrExpression,
}
