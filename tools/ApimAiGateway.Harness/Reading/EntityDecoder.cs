using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Decodes XML entity references in a located text; each decoded character maps to the '&amp;' of its reference.
/// </summary>
internal static class EntityDecoder
{
    /// <param name="reportUnknown">
    /// False inside expressions: there '&amp;name;' may be C# string content written in the raw form (e.g. an HTML
    /// '&amp;nbsp;'), so only predefined entities and character references are decoded and the rest is kept.
    /// </param>
    public static LocatedText Decode(LocatedText input, bool reportUnknown, DiagnosticBag diagnostics)
    {
        var text = input.Text;
        var amp = text.IndexOf('&');
        if (amp < 0)
        {
            return input;
        }

        var builder = new LocatedTextBuilder();
        var copied = 0;
        for (; amp >= 0; amp = text.IndexOf('&', amp + 1))
        {
            var match = XmlEntities.Match(text, amp, out var decoded, out var width);
            if (match == XmlEntityMatch.Decoded)
            {
                builder.Append(input, copied, amp - copied);
                builder.AppendPinned(decoded, input.LocationAt(amp));
                copied = amp + width;
                amp += width - 1;
            }
            else if (reportUnknown && match != XmlEntityMatch.NotAnEntity)
            {
                diagnostics.Add(
                    match == XmlEntityMatch.Unknown ? ReaderDiagnostics.UnknownEntity : ReaderDiagnostics.InvalidCharacterReference,
                    input.LocationAt(amp));
            }
        }

        builder.Append(input, copied, text.Length - copied);
        return builder.ToLocatedText(input.Start);
    }
}
