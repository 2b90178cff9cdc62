using System.Text;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Reads policy documents (<c>&lt;policies&gt;</c>) and fragments (<c>&lt;fragment&gt;</c>) in both forms APIM
/// accepts: entity-escaped XML and the raw form whose expressions hold unescaped '"', '&lt;', '&gt;' and '&amp;'.
/// Every element, attribute and expression keeps its file, line and column; bad input yields located diagnostics,
/// never exceptions. The reader checks XML shape, the root element, expression delimiters and named values only;
/// policy names and attributes are the policy catalog's concern.
/// </summary>
/// <remarks>
/// <para>Limits: files over <see cref="MaxDocumentSize"/> (4 MiB, in bytes for files and characters for text; APIM's
/// own fragment limit is 512 KB) and nesting over <see cref="MaxNestingDepth"/> elements are rejected with a
/// diagnostic. Reading is linear in the size of the input.</para>
/// <para>Named values: with a <see cref="NamedValueSet"/>, each <c>{{name}}</c> in attribute values, text and CDATA is
/// replaced before entities are decoded and expressions are found, and an undefined name is reported at its '{{'.
/// Without a set, references are left as written and not reported. Substitution happens per value rather than over
/// the whole file, so a named value cannot change the XML structure (in APIM a value holding '"' or '&lt;' could).</para>
/// </remarks>
public sealed class PolicyReader
{
    public const int MaxDocumentSize = 4 * 1024 * 1024;
    public const int MaxNestingDepth = 256;

    private const char ByteOrderMark = '\uFEFF';

    public ReadResult Read(string text, string file, NamedValueSet? namedValues = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (text.Length > MaxDocumentSize)
        {
            return Rejected(ReaderDiagnostics.DocumentTooLarge, file, $"{text.Length} characters", $"{MaxDocumentSize} characters");
        }

        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Rejected(ReaderDiagnostics.EmptyDocument, file);
        }

        var source = new SourceFile(file, text);
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            return new ReadResult(null, [ReaderDiagnostics.BinaryContent.At(source.LocationOf(nul))]);
        }

        var diagnostics = new DiagnosticBag();
        var root = new PolicyParser(source, new PolicyValueReader(namedValues, diagnostics), diagnostics).Parse();
        PolicyDocumentKind? kind = root?.Name switch
        {
            "policies" => PolicyDocumentKind.Policies,
            "fragment" => PolicyDocumentKind.Fragment,
            _ => null,
        };
        var document = kind is { } k && root is not null ? new PolicyDocument(file, k, root) : null;
        return new ReadResult(document, diagnostics.Items);
    }

    /// <summary>Reads a policy file (UTF-8, or UTF-16 with a byte order mark); I/O errors become diagnostics.</summary>
    public ReadResult ReadFile(string path, NamedValueSet? namedValues = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxDocumentSize)
            {
                return Rejected(ReaderDiagnostics.DocumentTooLarge, path, $"{length} bytes", $"{MaxDocumentSize} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Rejected(ReaderDiagnostics.FileUnreadable, path, e.Message);
        }

        return Decode(bytes, out var invalidOffset) is { } text
            ? Read(text, path, namedValues)
            : Rejected(ReaderDiagnostics.InvalidEncoding, path, invalidOffset);
    }

    private static string? Decode(byte[] bytes, out int invalidOffset)
    {
        var encoding = DetectEncoding(bytes, out var preamble);
        invalidOffset = -1;
        try
        {
            return encoding.GetString(bytes, preamble, bytes.Length - preamble);
        }
        catch (DecoderFallbackException)
        {
            // The exception's index is relative to an internal buffer, so the offset is found directly.
            invalidOffset = preamble + FirstInvalidUtf8Byte(bytes.AsSpan(preamble));
            return null;
        }
    }

    private static Encoding DetectEncoding(byte[] bytes, out int preamble)
    {
        preamble = 2;
        if (bytes is [0xFF, 0xFE, ..])
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        preamble = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    }

    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static ReadResult Rejected(DiagnosticDescriptor descriptor, string file, params object?[] args) =>
        new(null, [descriptor.At(SourceLocation.StartOf(file), args)]);
}
