using System.Globalization;

namespace ApimAiGateway.Harness.Policies;

/// <summary>Checks a literal (non-expression) attribute value against its declared <see cref="AttributeValueType"/>.</summary>
internal static class AttributeLiteral
{
    public static bool IsValid(AttributeSpec spec, string literal)
    {
        // A named value ({{name}}) is substituted when the policy runs, so its final form is unknown here
        // (apim-reference §1.4); rejecting it would be a false error.
        if (literal.Contains("{{", StringComparison.Ordinal))
        {
            return true;
        }

        var value = literal.Trim();
        return spec.ValueType switch
        {
            AttributeValueType.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            AttributeValueType.Boolean => IsBoolean(value),
            AttributeValueType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            AttributeValueType.Enumeration => spec.AllowedValues.Contains(
                value, spec.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal),
            AttributeValueType.TimeSpan => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
            AttributeValueType.DateTime => DateTimeOffset.TryParse(
                value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            _ => true,
        };
    }

    // xs:boolean also admits 1 and 0; the service schema is XSD-based, so accept them too.
    private static bool IsBoolean(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("false", StringComparison.OrdinalIgnoreCase)
        || value is "1" or "0";
}
