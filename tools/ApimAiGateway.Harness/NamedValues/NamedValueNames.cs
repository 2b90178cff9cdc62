namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// APIM's rule for named-value names: 1-256 letters, digits, '.', '-' and '_' (ARM NamedValueContract
/// displayName: "It may contain only letters, digits, period, dash, and underscore characters").
/// </summary>
internal static class NamedValueNames
{
    public const int MaxLength = 256;

    public static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';

    public static bool IsValid(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(IsNameCharacter);
}
