using DotLiquid;
using DotLiquid.NamingConventions;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// DotLiquid set up as set-body uses it. DotLiquid keeps its naming convention and tag registry in process-wide
/// statics, so they are configured exactly once, before the first parse, and never changed afterwards. The C#
/// naming convention ("C# mode" in "set-body policy": PascalCase filters) is a global switch in DotLiquid; the
/// harness is its only user in-process, and <see cref="UsesCSharpNaming"/> lets a render refuse to run if some
/// other component has switched it back, rather than silently rendering filters as no-ops.
/// The tags added (<c>JSONArrayFor</c>, a length-checked <c>capture</c>) behave as before for renders that are
/// not ours.
/// </summary>
internal static class LiquidEngine
{
    /// <summary>
    /// DotLiquid's default level (no opt-in to later Ruby-compatibility changes). Which level APIM runs is
    /// undocumented; the default is the most likely for a service that adopted DotLiquid 2.0.
    /// </summary>
    public const SyntaxCompatibility Syntax = SyntaxCompatibility.DotLiquid20;

    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly HashSet<string> RawBlocks = new(StringComparer.Ordinal) { "raw", "comment" };

    public static bool UsesCSharpNaming => Template.NamingConvention is CSharpNamingConvention;

    /// <summary>Parses with our configuration; the result can be rendered from several threads at once. Throws on a syntax error.</summary>
    public static Template Parse(string text)
    {
        _ = Configured.Value;
        var template = Template.Parse(text, Syntax);
        template.MakeThreadSafe();
        return template;
    }

    public static bool IsKnownTag(string name)
    {
        _ = Configured.Value;
        return Template.GetTagType(name) is not null;
    }

    public static bool IsBlockTag(string name) => IsKnownTag(name) && typeof(Block).IsAssignableFrom(Template.GetTagType(name));

    /// <summary>Blocks whose content is not Liquid markup (tags inside them are not parsed).</summary>
    public static bool IsRawBlock(string name) => RawBlocks.Contains(name);

    private static bool Configure()
    {
        Template.NamingConvention = new CSharpNamingConvention();
        Template.RegisterTag<JsonArrayForTag>("JSONArrayFor");
        Template.RegisterTag<BoundedCaptureTag>("capture");
        return true;
    }
}
