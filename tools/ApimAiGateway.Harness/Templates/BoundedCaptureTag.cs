using LiquidContext = DotLiquid.Context;
using DotLiquid;
using DotLiquid.Tags;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// DotLiquid's <c>capture</c>, with the captured string checked against the render's length limit: a capture
/// that includes its own variable twice doubles on every loop iteration.
/// </summary>
internal sealed class BoundedCaptureTag : Capture
{
    public override void Render(LiquidContext context, TextWriter result)
    {
        base.Render(context, result);
        LiquidLengthGuard.Checked(context, context[Markup.Trim()] as string);
    }
}
