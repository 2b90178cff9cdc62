namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// Text from outside (an argument, a name or message ARM sent) made safe to echo in a CI log: control characters
/// (line breaks, terminal escapes) become '?' and long values are cut, so they can neither garble nor forge log lines.
/// </summary>
internal static class LogText
{
    public static string Of(string? value, int maxLength)
    {
        var text = new string((value ?? string.Empty).Select(c => char.IsControl(c) ? '?' : c).Take(maxLength).ToArray());
        return value is not null && value.Length > maxLength ? text + "..." : text;
    }
}
