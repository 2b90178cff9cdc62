using System.Globalization;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>
/// How literals and expression results become the types policy attributes need. APIM does not document these
/// conversions (apim-reference §1.7); the harness converts with the invariant culture and treats a null result as
/// "no value".
/// </summary>
public static class ValueConversions
{
    public static T FromLiteral<T>(string literal) => (T)FromLiteral(literal.Trim(), typeof(T));

    public static T FromResult<T>(object? result) => result switch
    {
        null => default!,
        T typed => typed,
        string text => FromLiteral<T>(text),
        _ when typeof(T) == typeof(string) => (T)(object)Convert.ToString(result, CultureInfo.InvariantCulture)!,
        _ => (T)FromObject(result, typeof(T)),
    };

    private static object FromLiteral(string literal, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => literal,
            _ when target == typeof(bool) => literal is "1" || bool.Parse(literal),
            _ when target == typeof(int) => int.Parse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ when target == typeof(long) => long.Parse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ when target == typeof(double) => double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ when target == typeof(object) => literal,
            _ => throw new FormatException($"'{literal}' cannot be read as {target.Name}."),
        };
    }

    private static object FromObject(object value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(object) ? value : Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }
}
