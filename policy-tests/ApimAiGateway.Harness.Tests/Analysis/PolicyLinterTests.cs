using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Tests.Analysis;

/// <summary>Each diagnostic of the linter pinned with a minimal policy.</summary>
public sealed class PolicyLinterTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void The_raw_form_the_docs_print_lints_clean()
    {
        // apim-reference §1.3: the portal's raw form holds unescaped quotes, < and && inside expressions.
        var result = _repo.LintInbound("""
            <set-variable name="n" value="@(context.Request.Headers.GetValueOrDefault("x", "").Length)" />
            <choose>
              <when condition="@(context.Request.Method == "POST" && (int)context.Variables["n"] < 3)">
                <set-header name="x-small" exists-action="override"><value>@($"n={context.Variables["n"]}")</value></set-header>
              </when>
              <otherwise />
            </choose>
            """);

        result.Clean();
        Assert.Equal(3, result.ExpressionsCompiled);
    }

    [Fact]
    public void An_unknown_policy_is_reported_with_a_suggestion()
    {
        var diagnostic = _repo.LintInbound("<set-hedaer name=\"a\" />").Single("AGW3001");

        Assert.Equal("Unknown policy 'set-hedaer'. Did you mean 'set-header'?", diagnostic.Message);
        Assert.Equal((3, 1), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Unknown_and_missing_attributes_are_reported()
    {
        var result = _repo.LintInbound("<set-variable nmae=\"a\" value=\"1\" />");

        Assert.Contains("Did you mean 'name'?", result.Single("AGW3003").Message);
        Assert.Equal("'set-variable' requires the attribute 'name'.", result.Single("AGW3004").Message);
    }

    [Fact]
    public void An_expression_where_the_attribute_takes_none_is_reported_at_the_expression()
    {
        // set-variable/@name takes no expressions (set-variable-policy; apim-reference §1.2).
        var diagnostic = _repo.LintInbound("<set-variable name=\"@(\"a\")\" value=\"1\" />").Single("AGW3005");

        Assert.Equal((3, 21), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_literal_of_the_wrong_form_is_reported()
    {
        var diagnostic = _repo.LintInbound("<rate-limit-by-key calls=\"many\" renewal-period=\"60\" counter-key=\"k\" />").Single("AGW3006");

        Assert.Contains("expected an integer", diagnostic.Message);
    }

    [Fact]
    public void A_policy_outside_its_sections_is_reported()
    {
        // forward-request is for the backend section only (forward-request-policy Usage; apim-reference §3.4).
        var diagnostic = _repo.LintInbound("<forward-request />").Single("AGW3007");

        Assert.StartsWith("Policy 'forward-request' is not allowed in the 'inbound' section", diagnostic.Message);
    }

    [Fact]
    public void A_policy_outside_its_scopes_is_reported()
    {
        // quota is for the product scope only (quota-policy Usage; apim-reference §3.4).
        var diagnostic = _repo.LintInbound("<quota calls=\"10\" renewal-period=\"3600\" />").Single("AGW3008");

        Assert.StartsWith("Policy 'quota' is not allowed at global scope", diagnostic.Message);
    }

    [Fact]
    public void A_once_per_section_policy_used_twice_is_reported()
    {
        var diagnostic = _repo.LintInbound("""
            <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />
            <cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />
            """).Single("AGW3009");

        Assert.Equal(4, diagnostic.Location.Line);
    }

    [Fact]
    public void Fragment_rules_are_enforced()
    {
        _repo.Write("fragments/bad.xml", "<fragment>\n<base />\n<include-fragment fragment-id=\"other\" />\n<inbound />\n</fragment>");
        _repo.Write("fragments/other.xml", "<fragment><set-header name=\"a\" exists-action=\"delete\" /></fragment>");
        var result = _repo.Lint(paths: "fragments");

        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "AGW3020"));
        Assert.Equal([2, 3, 4], result.Diagnostics.Where(d => d.Code == "AGW3020").Select(d => d.Location.Line));
    }

    [Fact]
    public void An_include_of_a_missing_fragment_suggests_the_closest_one()
    {
        _repo.Write("fragments/rate-limits.xml", "<fragment><set-variable name=\"a\" value=\"1\" /></fragment>");
        var diagnostic = _repo.LintInbound("<include-fragment fragment-id=\"rate-limit\" />").Single("AGW3021");

        Assert.Equal("include-fragment names fragment 'rate-limit', which does not exist. Did you mean 'rate-limits'?", diagnostic.Message);
    }

    [Fact]
    public void A_fragment_included_where_its_policies_are_not_allowed_is_reported_at_the_include()
    {
        _repo.Write("fragments/forward.xml", "<fragment><forward-request /></fragment>");
        var diagnostic = _repo.LintInbound("<include-fragment fragment-id=\"forward\" />").Single("AGW3007");

        Assert.Contains("from fragment 'forward'", diagnostic.Message);
        Assert.EndsWith("global.xml", diagnostic.Location.File);
    }

    [Fact]
    public void A_compiler_error_deep_inside_a_multi_line_block_points_into_the_xml()
    {
        var diagnostic = _repo.LintInbound("""
            <set-variable name="x" value="@{
                var first = 1;
                var second = context.Reqest.Method;
                return first;
            }" />
            """).Single("CS1061");

        // The set-variable starts on line 3; "Reqest" stands on line 5 after "    var second = context." (column 26).
        Assert.Equal((5, 26), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.EndsWith(Path.Combine("policies", "global.xml"), diagnostic.Location.File);
    }

    [Fact]
    public void A_disallowed_type_is_reported_in_apims_words_at_the_xml_location()
    {
        var diagnostic = _repo.LintInbound("<set-variable name=\"x\" value=\"@(System.IO.File.Exists(&quot;a&quot;))\" />").Single("APIM0001");

        Assert.Equal("Usage of type 'System.IO.File' is not supported within expressions", diagnostic.Message);
        Assert.Equal((3, 43), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_non_boolean_condition_is_a_compile_error()
    {
        var result = _repo.LintInbound("<choose><when condition=\"@(context.Request.Method)\"><set-variable name=\"a\" value=\"1\" /></when></choose>");

        Assert.Equal("CS0029", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Named_values_are_substituted_and_undefined_ones_reported()
    {
        _repo.Write("named-values.yaml", "api-version: 2024-10-21\nnow: \"@(DateTime.UtcNow.ToString())\"\n");
        _repo.Write("policies/global.xml", """
            <policies>
              <inbound>
                <set-query-parameter name="api-version" exists-action="override"><value>{{api-version}}</value></set-query-parameter>
                <set-variable name="t" value="{{now}}" />
                <set-header name="x" exists-action="override"><value>{{undefined-value}}</value></set-header>
              </inbound>
              <backend><forward-request /></backend>
              <outbound />
              <on-error />
            </policies>
            """);
        var result = _repo.Lint("named-values.yaml");

        var undefined = result.Single("AGW2001");
        Assert.Equal((5, 58), (undefined.Location.Line, undefined.Location.Column));
        Assert.Equal(1, result.ExpressionsCompiled);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_variable_nothing_sets_is_a_warning_but_one_set_at_another_scope_is_not()
    {
        _repo.Write("policies/products/gold.xml", "<policies><inbound><base /><set-variable name=\"tier\" value=\"gold\" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
        _repo.Write("policies/apis/chat/api.xml", """
            <policies>
              <inbound>
                <base />
                <send-request mode="new" response-variable-name="lookup"><set-url>https://example.org</set-url><set-method>GET</set-method></send-request>
                <set-header name="x" exists-action="override"><value>@((string)context.Variables["tier"] + ((IResponse)context.Variables["lookup"]).StatusCode + context.Variables["typo"])</value></set-header>
              </inbound>
              <backend><base /></backend>
              <outbound><base /></outbound>
              <on-error><base /></on-error>
            </policies>
            """);
        _repo.Write("policies/global.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>");
        var warning = _repo.Lint().Single("AGW5001");

        Assert.Equal("Variable 'typo' is read here, but nothing in the composed pipeline of API 'chat' sets it; reading it fails at run time unless a default is given.", warning.Message);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_body_consumed_in_inbound_and_then_forwarded_is_a_warning()
    {
        var result = _repo.LintInbound("<set-variable name=\"model\" value=\"@((string)context.Request.Body.As&lt;JObject&gt;()[&quot;model&quot;])\" />");

        var warning = result.Single("AGW5002");
        Assert.Contains("request body", warning.Message);
        Assert.Contains("forward-request", warning.Message);
    }

    [Theory]
    [InlineData("<set-variable name=\"m\" value=\"@((string)context.Request.Body.As&lt;JObject&gt;(preserveContent: true)[&quot;model&quot;])\" />")]
    [InlineData("<set-body>@(context.Request.Body.As&lt;JObject&gt;().ToString())</set-body>")]
    [InlineData("<choose><when condition=\"@(true)\"><set-body>@(context.Request.Body.As&lt;string&gt;())</set-body></when></choose>")]
    public void Body_reads_that_preserve_or_replace_the_body_are_fine(string inbound)
    {
        Assert.DoesNotContain(_repo.LintInbound(inbound).Diagnostics, d => d.Code == "AGW5002");
    }

    [Fact]
    public void A_response_body_consumed_in_outbound_and_not_set_again_leaves_the_client_an_empty_body()
    {
        var result = _repo.LintInbound("<base />", outbound: "<set-variable name=\"r\" value=\"@(context.Response.Body.As&lt;string&gt;())\" />");

        Assert.Contains("the client", result.Single("AGW5002").Message);
    }

    [Fact]
    public void A_liquid_template_with_an_undocumented_filter_is_reported_where_it_stands()
    {
        var diagnostic = _repo.LintInbound("<set-body template=\"liquid\">{ \"a\": \"{{body.a | upcase}}\" }</set-body>").Single("AGW7056");

        Assert.Contains("Upcase", diagnostic.Message);
        Assert.Equal(3, diagnostic.Location.Line);
    }
}
