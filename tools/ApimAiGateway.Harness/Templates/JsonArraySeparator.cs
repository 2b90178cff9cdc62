using LiquidContext = DotLiquid.Context;
using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// The first node of a <see cref="JsonArrayForTag"/> body: a comma before every iteration but the first. A tag,
/// because that is the public way into DotLiquid's node rendering.
/// </summary>
internal sealed class JsonArraySeparator : Tag
{
    public static JsonArraySeparator Instance { get; } = new();

    public override void Render(LiquidContext context, TextWriter result)
    {
        if (context["forloop.first"] is false)
        {
            result.Write(',');
        }
    }
}
