namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Checks strings built during one of our renders against that render's maximum length. The limit travels in an
/// async-local set by the renderer, so DotLiquid renders that are not ours (no limit set) are never checked.
/// Two hooks use it: the string-growing filters, and DotLiquid's value transformer for strings, which sees every
/// string a <c>{{ }}</c> writes, including into a <c>capture</c> (whose built-in tag cannot be replaced).
/// </summary>
internal static class LiquidLengthGuard
{
    private static readonly AsyncLocal<int?> MaxLength = new();

    /// <summary>Applies <paramref name="maxLength"/> until the returned scope is disposed.</summary>
    public static IDisposable Limit(int maxLength)
    {
        var previous = MaxLength.Value;
        MaxLength.Value = maxLength;
        return new Scope(previous);
    }

    public static string? Checked(string? value)
    {
        if (value is not null && MaxLength.Value is { } maxLength && value.Length > maxLength)
        {
            throw new LiquidLimitExceededException($"A string built by the template exceeds {maxLength} characters.");
        }

        return value;
    }

    public static object CheckedOutput(object value) => Checked((string)value)!;

    private sealed class Scope(int? previous) : IDisposable
    {
        public void Dispose() => MaxLength.Value = previous;
    }
}
