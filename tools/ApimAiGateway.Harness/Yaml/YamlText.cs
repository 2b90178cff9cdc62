using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Yaml;

/// <summary>
/// The one place YAML text is parsed: every file reader goes through here, so none of them can be crashed by an
/// exception YamlDotNet throws outside its own <see cref="YamlException"/>.
/// </summary>
internal static class YamlText
{
    public static YamlStream? Load(string text, out YamlLoadProblem? problem)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            problem = null;
            return stream;
        }
        catch (YamlException e)
        {
            problem = new YamlLoadProblem(e.Start, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some malformed input such as "key: [unclosed".
            problem = new YamlLoadProblem(null, e.Message);
        }

        return null;
    }

    /// <summary>
    /// Where a node is written. A map of one pair inside a flow list (<c>[key: value]</c>) is implicit: YamlDotNet gives
    /// it an empty mark, which reads as the start of the text, so its first key stands for it.
    /// </summary>
    public static Mark StartOf(YamlNode node) =>
        node is YamlMappingNode { Children: [var (firstKey, _), ..] } && node.Start.Equals(Mark.Empty) ? StartOf(firstKey) : node.Start;

    /// <summary>A parser position as a diagnostic location (YamlDotNet's marks are 1-based already).</summary>
    public static SourceLocation Locate(string file, Mark? mark) =>
        mark is { } at ? new(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)) : SourceLocation.StartOf(file);
}
