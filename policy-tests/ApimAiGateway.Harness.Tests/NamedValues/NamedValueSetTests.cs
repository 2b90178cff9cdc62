using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Tests.NamedValues;

public class NamedValueSetTests
{
    private const string File = "dev.yaml";

    [Fact]
    public void Reads_yaml_with_plain_secret_and_key_vault_values()
    {
        var result = NamedValueSet.Parse("""
            backend-url: https://example.test/api
            timeout: 30
            expression: "@(DateTime.UtcNow.ToString())"
            api-key:
              value: placeholder-api-key
              secret: true
            openai-key:
              keyVault:
                secretName: openai-key
            """, File);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(5, result.Set.Count);
        Assert.True(result.Set.TryGet("timeout", out var timeout));
        Assert.Equal("30", timeout.Value);
        Assert.Equal(new SourceLocation(File, 2, 1), timeout.Location);
        Assert.True(result.Set.TryGet("api-key", out var apiKey));
        Assert.True(apiKey.IsSecret);
        Assert.True(result.Set.TryGet("openai-key", out var keyVault));
        Assert.True(keyVault.IsSecret);
        Assert.Equal("openai-key", keyVault.KeyVaultSecretName);
        Assert.Equal("keyvault-placeholder:openai-key", keyVault.Value);
    }

    [Fact]
    public void Reads_json()
    {
        var result = NamedValueSet.Parse("""
            {
              "backend-url": "https://example.test/\"q\"",
              "api-key": { "value": "placeholder", "secret": true }
            }
            """, "dev.json");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Set.TryGet("backend-url", out var url));
        Assert.Equal("https://example.test/\"q\"", url.Value);
        Assert.Equal(new SourceLocation("dev.json", 2, 3), url.Location);
        Assert.True(result.Set.TryGet("api-key", out var key));
        Assert.True(key.IsSecret);
    }

    [Fact]
    public void Names_are_case_insensitive()
    {
        var result = NamedValueSet.Parse("Backend-Url: x", File);

        Assert.True(result.Set.TryGet("backend-url", out var value));
        Assert.Equal("Backend-Url", value.Name);
    }

    [Theory]
    [InlineData("a: 1\nb: \"unterminated\nc: 3", "AGW2003", 2)]
    [InlineData("- a\n- b", "AGW2004", 1)]
    [InlineData("ok: 1\n'bad name': 2", "AGW2005", 2)]
    [InlineData("a: 1\nA: 2", "AGW2006", 2)]
    [InlineData("a:\n  - 1", "AGW2007", 2)]
    [InlineData("a:\n  secret: maybe\n  value: x", "AGW2007", 2)]
    [InlineData("a:\n  secret: true", "AGW2007", 2)]
    [InlineData("a:\n  keyVault: {}", "AGW2007", 2)]
    [InlineData("a: '  '", "AGW2008", 1)]
    public void Malformed_files_give_located_diagnostics(string text, string code, int line)
    {
        var result = NamedValueSet.Parse(text, File);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Location.Line);
        Assert.Equal(File, diagnostic.Location.File);
    }

    [Fact]
    public void Values_over_apim_limit_are_reported()
    {
        var result = NamedValueSet.Parse($"a: {new string('x', 4097)}", File);

        Assert.Equal(NamedValueDiagnostics.ValueTooLong.Code, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(0, result.Set.Count);
    }

    [Fact]
    public void Valid_entries_are_kept_when_others_fail()
    {
        var result = NamedValueSet.Parse("good: 1\n'bad name': 2", File);

        Assert.True(result.HasErrors);
        Assert.True(result.Set.TryGet("good", out _));
    }

    [Fact]
    public void An_empty_file_is_an_empty_set()
    {
        var result = NamedValueSet.Parse("", File);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, result.Set.Count);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "nv.yaml");

        var result = NamedValueSet.Load(path);

        Assert.Equal(NamedValueDiagnostics.FileUnreadable.Code, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Secret_values_never_appear_in_text_output()
    {
        var value = new NamedValue("key", "s3cr3t", true, null, SourceLocation.StartOf(File));

        Assert.DoesNotContain("s3cr3t", value.ToString());
    }
}
