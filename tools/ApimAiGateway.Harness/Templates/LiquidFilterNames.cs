namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The filters set-body's Liquid supports, exactly as listed (PascalCase) in "set-body policy" (Supported Liquid
/// filters). DotLiquid 2.3 has more built-ins (Base64Encode, Ceil, Concat, Where, ...); APIM does not document
/// them, so a template using them is reported instead of working here and failing (or not) in APIM.
/// Every listed filter is a DotLiquid built-in under C# naming, so none needs a custom implementation.
/// </summary>
internal static class LiquidFilterNames
{
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Abs", "Append", "AtLeast", "AtMost", "Capitalize", "Compact", "Currency", "Date", "Default", "DividedBy",
        "Downcase", "Escape", "First", "H", "Join", "Last", "Lstrip", "Map", "Minus", "Modulo", "NewlineToBr", "Plus",
        "Prepend", "Remove", "RemoveFirst", "Replace", "ReplaceFirst", "Round", "Rstrip", "Size", "Slice", "Sort",
        "Split", "Strip", "StripHtml", "StripNewlines", "Times", "Truncate", "TruncateWords", "Uniq", "Upcase",
        "UrlDecode", "UrlEncode",
    };
}
