using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Tests.NamedValues;

/// <summary>The harness reads the same named-values file the Pulumi program deploys (one source of truth).</summary>
public sealed class SharedNamedValuesFileTests
{
    [Fact]
    public void The_infra_list_shape_loads_with_key_vault_references_as_secret_placeholders()
    {
        const string json = """
            {
              "$comment": "shared with infra/",
              "namedValues": [
                { "name": "openai-api-version", "secret": false, "value": "2024-10-21" },
                { "name": "payg-key", "secret": true, "keyVaultSecretName": "payg-api-key" }
              ]
            }
            """;

        var loaded = NamedValueSet.Parse(json, "named-values.json");

        Assert.Empty(loaded.Diagnostics);
        Assert.True(loaded.Set.TryGet("openai-api-version", out var plain));
        Assert.Equal("2024-10-21", plain.Value);
        Assert.True(loaded.Set.TryGet("payg-key", out var secret));
        Assert.True(secret.IsSecret);
        Assert.Equal("payg-api-key", secret.KeyVaultSecretName);
        Assert.DoesNotContain("payg-api-key", secret.ToString());
    }

    [Fact]
    public void The_repositorys_own_named_values_file_loads_clean()
    {
        var repository = ThisRepository.Root;

        var loaded = NamedValueSet.Load(Path.Combine(repository, "policies", "named-values.json"));

        Assert.Empty(loaded.Diagnostics);
        Assert.True(loaded.Set.Count >= 1);
    }

    [Fact]
    public void A_list_entry_without_a_name_is_a_located_error()
    {
        var loaded = NamedValueSet.Parse("namedValues:\n  - value: x\n", "nv.yaml");

        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal(2, diagnostic.Location.Line);
    }
}
