using LiquidContext = DotLiquid.Context;
using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Checks strings built during a render against the render's maximum length, which the renderer puts in the
/// context's registers. Without the register (a DotLiquid render that is not ours) nothing is checked.
/// </summary>
internal static class LiquidLengthGuard
{
    public const string RegisterKey = "apim-liquid-max-length";

    public static string? Checked(LiquidContext context, string? value)
    {
        if (value is not null && context.Registers[RegisterKey] is int maxLength && value.Length > maxLength)
        {
            throw new LiquidLimitExceededException($"A string built by the template exceeds {maxLength} characters.");
        }

        return value;
    }
}
