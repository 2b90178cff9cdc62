using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Turns the raw characters of an attribute value or text run into policy text and values, in APIM's order:
/// named values first (textually), then entity decoding, then finding the expression.
/// </summary>
internal sealed class PolicyValueReader(NamedValueSet? namedValues, DiagnosticBag diagnostics)
{
    public PolicyValue ReadAttributeValue(LocatedText raw) => ToValue(Decode(raw));

    /// <summary>Substitutes named values and decodes entities in a run of character data.</summary>
    public LocatedText Decode(LocatedText raw)
    {
        var substituted = Substitute(raw);
        var isExpression = ExpressionScanner.IsExpressionStart(substituted.Text, FirstNonWhiteSpace(substituted.Text, 0));
        return EntityDecoder.Decode(substituted, reportUnknown: !isExpression, diagnostics);
    }

    /// <summary>CDATA content is literal XML-wise, but named values are textual and apply inside it too.</summary>
    public LocatedText Substitute(LocatedText raw) => NamedValueSubstituter.Substitute(raw, namedValues, diagnostics);

    /// <summary>
    /// A value is an expression when, trimmed, it starts with '@(' or '@{'; APIM then requires the balanced
    /// expression to be the whole value.
    /// </summary>
    public PolicyValue ToValue(LocatedText text)
    {
        var start = FirstNonWhiteSpace(text.Text, 0);
        if (!ExpressionScanner.IsExpressionStart(text.Text, start))
        {
            return new PolicyValue(text, null);
        }

        var scan = ExpressionScanner.Scan(text.Text, start);
        if (!scan.Succeeded)
        {
            Report(scan, text);
            return new PolicyValue(text, null);
        }

        var rest = FirstNonWhiteSpace(text.Text, scan.End);
        if (rest < text.Length)
        {
            diagnostics.Add(ReaderDiagnostics.TextAfterExpression, text.LocationAt(rest), scan.ClosingDelimiter);
        }

        var code = text.Slice(start + 2, scan.End - 1 - (start + 2));
        return new PolicyValue(text, new PolicyExpression(scan.Kind, code, text.LocationAt(start)));
    }

    private void Report(ExpressionScan scan, LocatedText text)
    {
        var location = text.LocationAt(scan.ErrorOffset);
        var diagnostic = scan.Error switch
        {
            ExpressionScanError.UnterminatedString => ReaderDiagnostics.UnterminatedString.At(location),
            ExpressionScanError.UnterminatedCharacter => ReaderDiagnostics.UnterminatedCharacter.At(location),
            ExpressionScanError.UnterminatedComment => ReaderDiagnostics.UnterminatedComment.At(location),
            ExpressionScanError.MismatchedBracket => ReaderDiagnostics.MismatchedBracket.At(location, text.Text[scan.ErrorOffset]),
            _ => ReaderDiagnostics.UnclosedExpression.At(location, scan.ClosingDelimiter),
        };
        diagnostics.Add(diagnostic);
    }

    private static int FirstNonWhiteSpace(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }
}
