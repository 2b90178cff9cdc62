using System.Text;
using System.Text.Json;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// Reads an environment file, <c>{ "$comment": "...", "namedValues": { "&lt;name&gt;": "&lt;value&gt;" } }</c>, as strict
/// JSON: the Pulumi program reads the same file with <c>JSON.parse</c>, so what passes here must pass there (no
/// comments, no trailing commas, no YAML). Knows nothing of the catalog; <see cref="NamedValueLayering"/> checks the
/// names against it.
/// </summary>
internal static class NamedValueOverlayReader
{
    private const string NamedValuesKey = "namedValues";
    private const string CommentKey = "$comment";

    public static IReadOnlyList<NamedValueOverride> ReadFile(string path, DiagnosticBag diagnostics) =>
        NamedValueFileReader.ReadText(path, diagnostics) is { } text ? Read(text, path, diagnostics) : [];

    public static IReadOnlyList<NamedValueOverride> Read(string text, string file, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes, file);
        var overrides = new List<NamedValueOverride>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            // An empty file throws here, as JSON.parse("") does.
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Add(NamedValueDiagnostics.InvalidEnvironmentFile, lines.At(reader.TokenStartIndex), $"the root is {Describe(reader.TokenType)}");
                reader.Skip();
                return overrides;
            }

            var sawNamedValues = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var keyLocation = lines.At(reader.TokenStartIndex);
                reader.Read();
                if (key == NamedValuesKey && !sawNamedValues && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadNamedValues(ref reader, lines, overrides, diagnostics);
                }
                else if (key != CommentKey || reader.TokenType != JsonTokenType.String)
                {
                    diagnostics.Add(NamedValueDiagnostics.InvalidEnvironmentFile, keyLocation, Problem(key, reader.TokenType, sawNamedValues));
                    reader.Skip();
                }

                sawNamedValues |= key == NamedValuesKey;
            }

            if (!sawNamedValues)
            {
                diagnostics.Add(NamedValueDiagnostics.InvalidEnvironmentFile, SourceLocation.StartOf(file), $"'{NamedValuesKey}' is missing");
            }

            // Anything but white space after the root object ("{} {}") is malformed JSON: reading on makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            diagnostics.Add(NamedValueDiagnostics.MalformedFile,
                new SourceLocation(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1), e.Message);
        }
        catch (InvalidOperationException e)
        {
            // A string escape that is no text, such as a lone "\uD800".
            diagnostics.Add(NamedValueDiagnostics.MalformedFile, lines.At(reader.TokenStartIndex), e.Message);
        }

        return overrides;
    }

    private static void ReadNamedValues(ref Utf8JsonReader reader, LineMap lines, List<NamedValueOverride> overrides, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var location = lines.At(reader.TokenStartIndex);
            reader.Read();
            if (!seen.Add(name))
            {
                diagnostics.Add(NamedValueDiagnostics.DuplicateName, location, name);
                reader.Skip();
            }
            else if (reader.TokenType != JsonTokenType.String)
            {
                diagnostics.Add(NamedValueDiagnostics.NonStringOverride, location, name, Describe(reader.TokenType));
                reader.Skip();
            }
            else
            {
                overrides.Add(new NamedValueOverride(name, reader.GetString()!, location));
            }
        }
    }

    private static string Problem(string key, JsonTokenType value, bool sawNamedValues) => key switch
    {
        NamedValuesKey when sawNamedValues => $"'{NamedValuesKey}' appears twice",
        NamedValuesKey or CommentKey => $"'{key}' is {Describe(value)}",
        _ => $"unknown key '{key}'",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a string",
    };

    /// <summary>Turns the reader's byte offsets into 1-based lines and character columns.</summary>
    private sealed class LineMap(byte[] bytes, string file)
    {
        private readonly List<int> _starts = LineStarts(bytes);

        public SourceLocation At(long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, _starts[line], (int)offset - _starts[line]);
            return new SourceLocation(file, line + 1, column + 1);
        }

        private static List<int> LineStarts(byte[] bytes)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }
    }
}
