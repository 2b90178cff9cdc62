using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.RealWorld;

/// <summary>
/// Expression shapes found in policies Microsoft publishes that APIM accepts; each is written here anew in a minimal
/// policy, not copied.
/// </summary>
public sealed class PublishedExpressionShapesTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Untyped_variable_lookup_as_in_the_get_authorization_context_examples()
    {
        _repo.LintInbound("""
            <set-variable name="state" value="abc" />
            <set-header name="x-state" exists-action="override"><value>@((string)context.Variables.GetValueOrDefault("state"))</value></set-header>
            """).Clean();
    }

    [Fact]
    public void A_local_function_inside_a_block_as_in_the_ip_filter_snippet()
    {
        _repo.LintInbound("""
            <set-variable name="ok" value="@{
                bool IsPrivate(string ip) { return ip.StartsWith("10."); }
                return IsPrivate(context.Request.IpAddress);
            }" />
            """).Clean();
    }

    [Fact]
    public void A_claim_read_as_an_array_with_an_array_default_as_in_the_ai_gateway_labs()
    {
        _repo.LintInbound("""
            <set-variable name="oid" value="@(context.Request.Headers.GetValueOrDefault("Authorization", "").AsJwt()?.Claims.GetValueOrDefault("oid", new string[] { "" })[0])" />
            """).Clean();
    }
}
