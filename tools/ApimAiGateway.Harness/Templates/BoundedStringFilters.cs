using System.Collections;
using DotLiquid;
using LiquidContext = DotLiquid.Context;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The filters that can grow a string, replacing DotLiquid's for our renders: same results, but a string longer
/// than the output limit stops the render. Without this, <c>assign s = s | Append: s</c> in a loop doubles memory
/// each iteration long before the render timeout fires.
/// </summary>
internal static class BoundedStringFilters
{
    public static string? Append(string input, string @string) =>
        LiquidLengthGuard.Checked(StandardFilters.Append(input, @string));

    public static string? Prepend(string input, string @string) =>
        LiquidLengthGuard.Checked(StandardFilters.Prepend(input, @string));

    public static string? Replace(LiquidContext context, string input, string @string, string replacement = "") =>
        LiquidLengthGuard.Checked(StandardFilters.Replace(context, input, @string, replacement));

    public static string? ReplaceFirst(LiquidContext context, string input, string @string, string replacement = "") =>
        LiquidLengthGuard.Checked(StandardFilters.ReplaceFirst(context, input, @string, replacement));

    public static string? Join(IEnumerable input, string glue = " ") =>
        LiquidLengthGuard.Checked(StandardFilters.Join(input, glue));
}
