using System.Reflection;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Policies.Definitions;

namespace ApimAiGateway.Harness.Tests.Policies;

public sealed class PolicyCatalogTests
{
    [Fact]
    public void Registering_a_policy_twice_fails_with_both_definitions_named()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new PolicyCatalog([new SetHeaderPolicy(), new SetVariablePolicy(), new SetHeaderPolicy()]));

        Assert.Contains("'set-header' is registered twice", error.Message);
        Assert.Contains(nameof(SetHeaderPolicy), error.Message);
    }

    [Fact]
    public void Llm_and_azure_openai_variants_are_distinct_registrations_of_one_schema()
    {
        var catalog = new PolicyCatalog([new LlmTokenLimitPolicy(), new AzureOpenAiTokenLimitPolicy()]);

        Assert.Equal(["azure-openai-token-limit", "llm-token-limit"], catalog.All.Select(d => d.Name));
        Assert.Equal(
            catalog.All[0].Element.Attributes.Select(a => a.Name),
            catalog.All[1].Element.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Lookup_is_case_sensitive_like_XML()
    {
        Assert.True(PolicyCatalog.Default.TryGet("set-header", out _));
        Assert.False(PolicyCatalog.Default.TryGet("Set-Header", out _));
    }

    [Fact]
    public void Every_definition_class_is_registered_in_the_default_catalog()
    {
        var definitionTypes = typeof(PolicyDefinition).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PolicyDefinition)) && !t.IsAbstract)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(definitionTypes, PolicyCatalog.Default.All.Select(d => d.GetType().Name).Order());
    }

    [Fact]
    public void Structure_diagnostics_use_unique_codes_in_the_catalog_range()
    {
        var descriptors = typeof(StructureDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(descriptors);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Code).Distinct().Count());
        Assert.All(descriptors, d => Assert.InRange(int.Parse(d.Code[3..]), 3001, 3099));
    }
}
