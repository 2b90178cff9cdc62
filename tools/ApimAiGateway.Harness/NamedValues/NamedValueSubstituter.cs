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
        if (namedValues is null)
        {
            return input;
        }

        var text = input.Text;
        var references = NamedValueReferences.In(text);
        if (references.Count == 0)
        {
            return input;
        }

        var builder = new LocatedTextBuilder();
        var copied = 0;
        foreach (var (name, open) in references)
        {
            if (namedValues.TryGet(name, out var value))
            {
                builder.Append(input, copied, open - copied);
                builder.AppendPinned(value.Value, input.LocationAt(open));
                copied = open + name.Length + 4;
            }
            else
            {
                diagnostics.Add(NamedValueDiagnostics.UndefinedNamedValue, input.LocationAt(open), name);
            }
        }

        builder.Append(input, copied, text.Length - copied);
        return builder.ToLocatedText(input.Start);
    }
}
