using DotLiquid;
using DotLiquid.NamingConventions;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// DotLiquid set up as set-body uses it. DotLiquid keeps its naming convention and tag registry in process-wide
/// statics, so they are configured exactly once, before the first parse, and never changed afterwards. The C#
/// naming convention ("C# mode" in "set-body policy": PascalCase filters) is a global switch in DotLiquid; the
/// harness is its only user in-process, and <see cref="UsesCSharpNaming"/> lets a render refuse to run if some
/// other component has switched it back, rather than silently rendering filters as no-ops.
/// The additions (the <c>JSONArrayFor</c> tag, a string length check on output) change nothing for renders that
/// are not ours.
/// </summary>
internal static class LiquidEngine
{
    /// <summary>
    /// DotLiquid's default level (no opt-in to later Ruby-compatibility changes). Which level APIM runs is
    /// undocumented; the default is the most likely for a service that adopted DotLiquid 2.0.
    /// </summary>
    public const SyntaxCompatibility Syntax = SyntaxCompatibility.DotLiquid20;

    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool UsesCSharpNaming => Template.NamingConvention is CSharpNamingConvention;

    /// <summary>Parses with our configuration; the result can be rendered from several threads at once. Throws on a syntax error.</summary>
    public static Template Parse(string text)
    {
        _ = Configured.Value;
        var template = Template.Parse(text, Syntax);
        template.MakeThreadSafe();
        return template;
    }

    private static bool Configure()
    {
        Template.NamingConvention = new CSharpNamingConvention();
        Template.RegisterTag<JsonArrayForTag>("JSONArrayFor");
        Template.RegisterValueTypeTransformer(typeof(string), LiquidLengthGuard.CheckedOutput);
        return true;
    }
}
