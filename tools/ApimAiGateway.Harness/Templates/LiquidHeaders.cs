using ApimAiGateway.Harness.Context.Runtime;
using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Headers as the template sees them: looked up by name without regard to case (as header names are), so
/// <c>context.Request.Headers["content-type"]</c> finds <c>Content-Type</c>. A header's values are joined with a
/// comma, as <c>GetValueOrDefault</c> joins them in expressions; how APIM's Liquid binding presents several values
/// is undocumented.
/// </summary>
internal sealed class LiquidHeaders(MultiValueDictionary headers) : Drop
{
    public override object? BeforeMethod(string method) => headers.GetValueOrDefault(method);
}
