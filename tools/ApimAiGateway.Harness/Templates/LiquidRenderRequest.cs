using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Templates;

/// <summary>What one set-body render needs: the template text, the live context and the policy's attributes.</summary>
public sealed record LiquidRenderRequest(string Template, ExpressionContext Context, LiquidMessage Message)
{
    public LiquidXsiNil XsiNil { get; init; } = LiquidXsiNil.Blank;

    /// <summary>set-body's <c>parse-date</c>: JSON strings that look like dates become DateTime values (default true).</summary>
    public bool ParseDate { get; init; } = true;

    /// <summary>
    /// The method the request arrived with, for <c>context.Request.OriginalMethod</c>; null means it was never
    /// changed (the gateway request keeps only the current method).
    /// </summary>
    public string? OriginalMethod { get; init; }
}
