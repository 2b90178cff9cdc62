using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>Attributes whose values APIM takes only as literals (names of headers and variables, caching-type).</summary>
public static class PolicyElementLiterals
{
    /// <summary>The attribute's trimmed text; null when the attribute is absent.</summary>
    public static string? Literal(this PolicyElement element, string attribute) =>
        element.Attribute(attribute)?.Value.Text.Text.Trim();
}
