using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Tests.NamedValues;

/// <summary>An environment file laid over the catalog: what it may change, and every way it can be wrong.</summary>
public sealed class NamedValueLayeringTests
{
    private const string CatalogFile = "policies/named-values.json";
    private const string EnvironmentFile = "policies/environments/dev.json";

    private static readonly NamedValueSet Catalog = NamedValueSet.Parse("""
        {
          "namedValues": [
            { "name": "tenant-id", "secret": false, "value": "00000000-0000-0000-0000-000000000000" },
            { "name": "api-version", "secret": false, "value": "2024-10-21" },
            { "name": "payg-api-key", "secret": true, "keyVaultSecretName": "payg-api-key" }
          ]
        }
        """, CatalogFile).Set;

    private static NamedValueLoadResult Overlay(string environment) =>
        NamedValueLayering.Parse(Catalog, CatalogFile, environment, EnvironmentFile);

    private static Diagnostic SingleDiagnostic(string environment, string code)
    {
        var diagnostic = Assert.Single(Overlay(environment).Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(EnvironmentFile, diagnostic.Location.File);
        return diagnostic;
    }

    [Fact]
    public void An_environment_value_replaces_the_catalog_value_and_the_rest_stay()
    {
        var result = Overlay("""
            {
              "$comment": "dev",
              "namedValues": {
                "tenant-id": "11111111-1111-1111-1111-111111111111"
              }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Set.Count);
        Assert.True(result.Set.TryGet("tenant-id", out var tenant));
        Assert.Equal("11111111-1111-1111-1111-111111111111", tenant.Value);
        Assert.Equal(new SourceLocation(EnvironmentFile, 4, 5), tenant.Location);
        Assert.True(result.Set.TryGet("api-version", out var version));
        Assert.Equal(("2024-10-21", CatalogFile), (version.Value, version.Location.File));
    }

    [Fact]
    public void A_secret_keeps_its_key_vault_placeholder()
    {
        var result = Overlay("""{ "namedValues": {} }""");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Set.TryGet("payg-api-key", out var secret));
        Assert.True(secret.IsSecret);
        Assert.Equal("keyvault-placeholder:payg-api-key", secret.Value);
    }

    [Fact]
    public void A_name_in_other_case_sets_the_catalog_entry_under_the_catalog_spelling()
    {
        var result = Overlay("""{ "namedValues": { "TENANT-ID": "t" } }""");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("tenant-id", Assert.Single(result.Set.Values, v => v.Value == "t").Name);
    }

    [Fact]
    public void The_catalog_is_not_changed_by_an_overlay()
    {
        Overlay("""{ "namedValues": { "tenant-id": "t" } }""");

        Assert.True(Catalog.TryGet("tenant-id", out var tenant));
        Assert.Equal("00000000-0000-0000-0000-000000000000", tenant.Value);
    }

    [Fact]
    public void An_undeclared_name_is_located_and_suggests_the_close_one()
    {
        var diagnostic = SingleDiagnostic("{\n  \"namedValues\": {\n    \"tenant-idd\": \"x\"\n  }\n}", "AGW2022");

        Assert.Equal((3, 5), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(CatalogFile, diagnostic.Message, StringComparison.Ordinal);
        Assert.EndsWith("Did you mean 'tenant-id'?", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_given_a_value_is_an_error_that_does_not_echo_the_value()
    {
        var diagnostic = SingleDiagnostic("""{ "namedValues": { "payg-api-key": "sk-live-in-clear-text" } }""", "AGW2023");

        Assert.DoesNotContain("sk-live", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.True(Overlay("""{ "namedValues": { "payg-api-key": "sk-live-in-clear-text" } }""").Set.TryGet("payg-api-key", out var secret));
        Assert.Equal("keyvault-placeholder:payg-api-key", secret.Value);
    }

    [Theory]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    [InlineData("[\"a\"]", "a list")]
    [InlineData("{ \"value\": \"a\" }", "an object")]
    public void A_value_that_is_not_a_string_is_an_error_naming_what_it_is(string value, string kind)
    {
        var diagnostic = SingleDiagnostic($$"""{ "namedValues": { "tenant-id": {{value}}, "api-version": "v" } }""", "AGW2024");

        Assert.Contains($"not {kind}", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(Overlay($$"""{ "namedValues": { "tenant-id": {{value}}, "api-version": "v" } }""").Set.TryGet("api-version", out var version));
        Assert.Equal("v", version.Value);
    }

    [Theory]
    [InlineData("tenant-id")]
    [InlineData("Tenant-Id")]
    public void A_name_given_twice_is_an_error_at_the_second(string second)
    {
        var diagnostic = SingleDiagnostic("{ \"namedValues\": { \"tenant-id\": \"a\",\n  \"" + second + "\": \"b\" } }", "AGW2006");

        Assert.Equal(2, diagnostic.Location.Line);
        Assert.True(Overlay($$"""{ "namedValues": { "tenant-id": "a", "{{second}}": "b" } }""").Set.TryGet("tenant-id", out var tenant));
        Assert.Equal("a", tenant.Value);
    }

    [Theory]
    [InlineData("""{ "namedValues": { "tenant-id": "  " } }""", "AGW2008")]
    [InlineData("""{ "namedValues": { "tenant-id": "" } }""", "AGW2008")]
    public void An_empty_value_is_refused_as_apim_refuses_it(string environment, string code) =>
        SingleDiagnostic(environment, code);

    [Fact]
    public void A_value_over_apims_limit_is_refused()
    {
        var diagnostic = SingleDiagnostic($$"""{ "namedValues": { "tenant-id": "{{new string('x', 4097)}}" } }""", "AGW2009");

        Assert.Contains("4097", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "the root is a list")]
    [InlineData("\"dev\"", "the root is a string")]
    [InlineData("{}", "'namedValues' is missing")]
    [InlineData("""{ "namedValues": [] }""", "'namedValues' is a list")]
    [InlineData("""{ "namedValues": "x" }""", "'namedValues' is a string")]
    [InlineData("""{ "$comment": 1, "namedValues": {} }""", "'$comment' is a number")]
    [InlineData("""{ "namedValue": {}, "namedValues": {} }""", "unknown key 'namedValue'")]
    [InlineData("""{ "namedValues": {}, "namedValues": {} }""", "'namedValues' appears twice")]
    public void A_file_of_the_wrong_shape_says_what_is_wrong(string environment, string problem)
    {
        var diagnostic = SingleDiagnostic(environment, "AGW2021");

        Assert.Contains(problem, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("{ \"namedValues\": { \"tenant-id\": \"a\", } }")]
    [InlineData("{ // dev\n \"namedValues\": {} }")]
    [InlineData("namedValues:\n  tenant-id: a\n")]
    [InlineData("{ \"namedValues\": { \"tenant-id\": \"a\" }")]
    [InlineData("{ \"namedValues\": {} } {}")]
    [InlineData("{ \"namedValues\": { 'tenant-id': \"a\" } }")]
    [InlineData("{ \"namedValues\": { \"tenant-id\": \"\\uD800\" } }")]
    [InlineData("\u0000\u0001\u0002")]
    public void Anything_json_parse_would_refuse_is_malformed(string environment)
    {
        var result = Overlay(environment);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AGW2003", diagnostic.Code);
        Assert.True(diagnostic.Location.Line >= 1 && diagnostic.Location.Column >= 1);
        Assert.Equal(3, result.Set.Count);
    }

    [Fact]
    public void A_malformed_file_is_located_at_the_fault()
    {
        var diagnostic = SingleDiagnostic("{\n  \"namedValues\": {\n    \"tenant-id\": tru\n  }\n}", "AGW2003");

        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void Deep_nesting_is_malformed_not_a_crash()
    {
        var deep = $$"""{ "namedValues": { "tenant-id": {{new string('[', 10_000)}}{{new string(']', 10_000)}} } }""";

        var result = Overlay(deep);

        Assert.Contains(result.Diagnostics, d => d.Code == "AGW2003");
        Assert.Equal(3, result.Set.Count);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var diagnostic = SingleDiagnostic("""{ "$comment": "ünïcödé", "namedValues": { "nope": "x" } }""", "AGW2022");

        Assert.Equal((1, 43), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Overlay("""
            { "namedValues": {
                "unknown": "x",
                "payg-api-key": "k",
                "api-version": 3,
                "tenant-id": ""
            }, "extra": 1 }
            """);

        Assert.Equal(["AGW2008", "AGW2021", "AGW2022", "AGW2023", "AGW2024"], result.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Set.Count);
    }
}
