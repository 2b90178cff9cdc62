using System.Globalization;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Recognises XML entity references at a position. Only well-formed references count; any other '&amp;' is
/// literal text, which is how the raw policy form carries C# operators such as '&amp;&amp;'.
/// </summary>
internal static class XmlEntities
{
    // Longer "names" are not entities; the bound also keeps matching O(1) per '&'.
    private const int MaxReferenceLength = 34;

    public static XmlEntityMatch Match(string text, int index, out string decoded, out int width)
    {
        decoded = "&";
        width = 1;
        var semicolon = text.IndexOf(';', index + 1, Math.Min(MaxReferenceLength, text.Length - index - 1));
        if (semicolon < 0)
        {
            return XmlEntityMatch.NotAnEntity;
        }

        var body = text.AsSpan(index + 1, semicolon - index - 1);
        var match = body.Length > 0 && body[0] == '#' ? MatchCharacterReference(body[1..], out var value) : MatchName(body, out value);
        if (match != XmlEntityMatch.NotAnEntity)
        {
            width = semicolon - index + 1;
            decoded = value;
        }

        return match;
    }

    private static XmlEntityMatch MatchName(ReadOnlySpan<char> name, out string value)
    {
        value = "&";
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return XmlEntityMatch.NotAnEntity;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return XmlEntityMatch.NotAnEntity;
            }
        }

        string? known = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            "apos" => "'",
            _ => null,
        };
        if (known is null)
        {
            return XmlEntityMatch.Unknown;
        }

        value = known;
        return XmlEntityMatch.Decoded;
    }

    private static XmlEntityMatch MatchCharacterReference(ReadOnlySpan<char> digits, out string value)
    {
        value = "&";
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        if (hex)
        {
            digits = digits[1..];
        }

        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (digits.Length == 0 || !int.TryParse(digits, style, CultureInfo.InvariantCulture, out var codePoint))
        {
            return digits.Length == 0 || !IsDigits(digits, hex) ? XmlEntityMatch.NotAnEntity : XmlEntityMatch.InvalidCharacterReference;
        }

        if (!IsXmlCharacter(codePoint))
        {
            return XmlEntityMatch.InvalidCharacterReference;
        }

        value = char.ConvertFromUtf32(codePoint);
        return XmlEntityMatch.Decoded;
    }

    private static bool IsDigits(ReadOnlySpan<char> digits, bool hex)
    {
        foreach (var c in digits)
        {
            if (!(hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    // XML 1.0 Char production.
    private static bool IsXmlCharacter(int c) =>
        c is 0x9 or 0xA or 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}
