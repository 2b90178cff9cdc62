using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// A template parsed once for rendering: the DotLiquid template, or why it cannot be rendered (a syntax error or
/// filters set-body does not support).
/// </summary>
internal sealed record LiquidParse(Template? Template, string? Problem)
{
    public static LiquidParse Of(string text)
    {
        var unsupported = LiquidScanner.Scan(text).Tokens
            .SelectMany(LiquidFilterFinder.FiltersOf)
            .Select(filter => filter.Name)
            .Where(name => !LiquidFilterNames.Supported.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (unsupported.Count > 0)
        {
            return new LiquidParse(null, $"the template uses filters set-body does not support: {string.Join(", ", unsupported)}");
        }

        try
        {
            return new LiquidParse(LiquidEngine.Parse(text), null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new LiquidParse(null, "the template has a Liquid syntax error: " + exception.Message);
        }
    }
}
