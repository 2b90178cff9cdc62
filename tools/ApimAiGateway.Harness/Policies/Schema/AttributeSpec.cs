namespace ApimAiGateway.Harness.Policies;

/// <summary>One attribute an element accepts.</summary>
/// <param name="Name">Attribute name as written in the XML.</param>
/// <param name="Required">Whether the element is invalid without it.</param>
/// <param name="AllowsExpressions">Whether <c>@(...)</c>/<c>@{...}</c> may be used as the value.</param>
/// <param name="ValueType">The literal form a non-expression value must have.</param>
/// <param name="AllowedValues">The values of an <see cref="AttributeValueType.Enumeration"/>; empty otherwise.</param>
/// <param name="Default">The value the service assumes when the attribute is omitted, as documented.</param>
/// <param name="IgnoreCase">
/// Whether <paramref name="AllowedValues"/> compare case-insensitively. The reference pages do not state case rules
/// for enumerations and document them in mixed case (e.g. <c>Hourly</c>, <c>prefer-external</c>), so the catalog
/// accepts any case unless a page is explicit.
/// </param>
public sealed record AttributeSpec(
    string Name,
    bool Required,
    bool AllowsExpressions,
    AttributeValueType ValueType,
    IReadOnlyList<string> AllowedValues,
    string? Default,
    bool IgnoreCase = true)
{
    /// <summary>Whether <paramref name="literal"/> (not an expression) is a valid value of this attribute.</summary>
    public bool AcceptsLiteral(string literal) => AttributeLiteral.IsValid(this, literal);
}
