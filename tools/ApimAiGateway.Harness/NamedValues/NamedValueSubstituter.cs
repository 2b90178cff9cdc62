using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// Replaces <c>{{name}}</c> references in policy text with named values, textually and in one pass: a substituted
/// value is not scanned again, so a <c>{{x}}</c> inside a value stays as written, as in APIM. Substituted characters
/// all map to the reference's '{{'.
/// </summary>
internal static class NamedValueSubstituter
{
    /// <param name="namedValues">Null means "no set supplied": references are left as written and not reported.</param>
    public static LocatedText Substitute(LocatedText input, NamedValueSet? namedValues, DiagnosticBag diagnostics)
    {
        var text = input.Text;
        var open = text.IndexOf("{{", StringComparison.Ordinal);
        if (namedValues is null || open < 0)
        {
            return input;
        }

        var builder = new LocatedTextBuilder();
        var copied = 0;
        while (open >= 0)
        {
            var nameEnd = open + 2;
            while (nameEnd < text.Length && NamedValueNames.IsNameCharacter(text[nameEnd]))
            {
                nameEnd++;
            }

            var isReference = nameEnd > open + 2 && string.CompareOrdinal(text, nameEnd, "}}", 0, 2) == 0;
            if (!isReference)
            {
                open = text.IndexOf("{{", open + 1, StringComparison.Ordinal);
                continue;
            }

            var name = text[(open + 2)..nameEnd];
            if (namedValues.TryGet(name, out var value))
            {
                builder.Append(input, copied, open - copied);
                builder.AppendPinned(value.Value, input.LocationAt(open));
                copied = nameEnd + 2;
            }
            else
            {
                diagnostics.Add(NamedValueDiagnostics.UndefinedNamedValue, input.LocationAt(open), name);
            }

            open = text.IndexOf("{{", nameEnd + 2, StringComparison.Ordinal);
        }

        builder.Append(input, copied, text.Length - copied);
        return builder.ToLocatedText(input.Start);
    }
}
