namespace ApimAiGateway.Harness.Tests.RealWorld;

/// <summary>
/// Constructs that Microsoft's published policies use and APIM accepts, where a reference page's wording alone
/// would have made the catalog reject them.
/// </summary>
public class CatalogAcceptsPublishedPoliciesTests
{
    [Fact]
    public void Set_body_accepts_template_none()
    {
        // get-authorization-context-policy: every example returns the token with <set-body template="none">.
        var diagnostics = PublishedPolicyStructure.Check("""
            <policies>
              <inbound>
                <return-response>
                  <set-status code="200" />
                  <set-body template="none">token</set-body>
                </return-response>
              </inbound>
            </policies>
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Set_body_still_rejects_an_unknown_template()
    {
        var diagnostics = PublishedPolicyStructure.Check("""
            <policies><inbound><set-body template="mustache">x</set-body></inbound></policies>
            """);

        Assert.Contains(diagnostics, d => d.Code == "AGW3006");
    }

    [Fact]
    public void Cache_store_value_may_appear_several_times_in_one_section()
    {
        // cache-store-value-policy's "once in a policy section" note is copied from cache-store; the AI-Gateway
        // MCP client authorization lab stores several values in one inbound section.
        var diagnostics = PublishedPolicyStructure.Check("""
            <policies>
              <inbound>
                <cache-store-value key="a" value="1" duration="60" />
                <cache-store-value key="b" value="2" duration="60" />
              </inbound>
            </policies>
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Set_status_accepts_a_code_without_a_reason()
    {
        // get-authorization-context-policy's examples: <set-status code="200" /> inside return-response.
        var diagnostics = PublishedPolicyStructure.Check("""
            <policies><inbound><return-response><set-status code="200" /></return-response></inbound></policies>
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Set_body_may_hold_its_body_as_xml_markup()
    {
        // set-body-policy, "Convert JSON to SOAP using a Liquid template": the envelope is markup inside set-body.
        var diagnostics = PublishedPolicyStructure.Check("""
            <policies>
              <inbound>
                <set-body template="liquid"><env:Envelope xmlns:env="urn:e"><env:Body><q>{{body.q}}</q></env:Body></env:Envelope></set-body>
              </inbound>
            </policies>
            """);

        Assert.Empty(diagnostics);
    }
}
