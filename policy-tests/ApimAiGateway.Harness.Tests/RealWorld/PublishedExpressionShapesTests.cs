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

    [Fact]
    public void A_fragment_file_named_with_a_fragment_suffix_is_included_by_its_plain_id_as_in_the_ai_gateway_labs()
    {
        _repo.Write("fragments/emit-usage.fragment.xml", "<fragment><set-variable name=\"usage\" value=\"1\" /></fragment>");

        _repo.LintInbound("<include-fragment fragment-id=\"emit-usage\" />").Clean();
    }

    [Fact]
    public void A_named_value_used_as_code_without_named_values_is_a_located_error_not_a_crash()
    {
        var result = _repo.LintInbound("<set-variable name=\"expires\" value=\"@(DateTime.UtcNow.AddSeconds({{SessionSeconds}}))\" />");

        // APIM substitutes the value before compiling; without --named-values the braces stay and are not C#.
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(3, d.Location.Line));
    }
}
