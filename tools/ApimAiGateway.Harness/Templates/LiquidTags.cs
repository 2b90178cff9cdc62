namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The tags DotLiquid 2.3 registers, plus APIM's JSONArrayFor, split into blocks (closed by <c>end</c> + name)
/// and single tags. DotLiquid offers no working way to ask (its <c>Template.GetTagType</c> throws for every
/// name), so the list is written out; a test parses each entry to keep it in step with the package.
/// </summary>
internal static class LiquidTags
{
    public static IReadOnlySet<string> Blocks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "block", "capture", "case", "comment", "for", "if", "ifchanged", "JSONArrayFor", "literal", "raw", "tablerow", "unless",
    };

    public static IReadOnlySet<string> Singles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "assign", "break", "continue", "cycle", "decrement", "extends", "include", "increment", "param",
    };

    /// <summary>Blocks whose content is not Liquid markup (tags inside them are not parsed).</summary>
    public static IReadOnlySet<string> Raw { get; } = new HashSet<string>(StringComparer.Ordinal) { "raw", "comment", "literal" };

    public static bool IsKnown(string name) => Blocks.Contains(name) || Singles.Contains(name);
}
