using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.NamedValues;

/// <summary>policies/environments/: finding an environment, reading a repository with one, and the committed files.</summary>
public sealed class EnvironmentFilesTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public EnvironmentFilesTests()
    {
        _repo.Write("policies/named-values.json", """
            { "namedValues": [
                { "name": "greeting", "secret": false, "value": "hello" },
                { "name": "api-key", "secret": true, "keyVaultSecretName": "api-key" }
            ] }
            """);
        _repo.Write("policies/environments/prod.json", """{ "namedValues": { "greeting": "good day" } }""");
        _repo.Write("policies/environments/dev.json", """{ "namedValues": {} }""");
        _repo.Write("policies/environments/notes.txt", "not an environment");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void The_repositorys_environments_each_lay_cleanly_over_the_catalog()
    {
        var environments = NamedValueEnvironments.Names(ThisRepository.Root);

        Assert.Equal(["dev", "prod"], environments);
        foreach (var environment in environments)
        {
            var loaded = NamedValueLayering.Load(NamedValueEnvironments.CatalogOf(ThisRepository.Root), NamedValueEnvironments.FileOf(ThisRepository.Root, environment));
            Assert.Empty(loaded.Diagnostics);
            Assert.Equal(NamedValueSet.Load(NamedValueEnvironments.CatalogOf(ThisRepository.Root)).Set.Count, loaded.Set.Count);
        }
    }

    [Fact]
    public void The_repositorys_environments_differ_where_they_must()
    {
        string Tenant(string environment) =>
            NamedValueLayering.Load(NamedValueEnvironments.CatalogOf(ThisRepository.Root), NamedValueEnvironments.FileOf(ThisRepository.Root, environment))
                .Set.TryGet("entra-tenant-id", out var tenant) ? tenant.Value : "(missing)";

        Assert.NotEqual(Tenant("dev"), Tenant("prod"));
    }

    [Fact]
    public void Environments_are_the_json_files_sorted_by_name()
    {
        Assert.Equal(["dev", "prod"], NamedValueEnvironments.Names(_repo.Root));
        Assert.Equal(Path.Combine(_repo.Root, "policies", "environments", "prod.json"), NamedValueEnvironments.FileOf(_repo.Root, "prod"));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("Prod")]
    [InlineData("../named-values")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData("notes")]
    public void Only_a_listed_environment_resolves_so_no_name_reaches_outside_the_directory(string name) =>
        Assert.Null(NamedValueEnvironments.FileOf(_repo.Root, name));

    [Fact]
    public void A_repository_without_environments_has_none_and_says_so()
    {
        using var empty = new LintFixture();
        empty.Write("policies/global.xml", "<policies />");

        Assert.Empty(NamedValueEnvironments.Names(empty.Root));
        Assert.StartsWith("(none:", NamedValueEnvironments.DescribeDefined(empty.Root), StringComparison.Ordinal);
    }

    [Fact]
    public void The_loader_lays_the_environment_over_the_catalog()
    {
        var loaded = RepositoryGatewayLoader.Load(_repo.Root, new RepositoryLoadOptions { Environment = "prod" });

        Assert.Empty(loaded.Diagnostics);
        Assert.True(loaded.Blueprint.NamedValues!.TryGet("greeting", out var greeting));
        Assert.Equal("good day", greeting.Value);
        Assert.True(loaded.Blueprint.NamedValues.TryGet("api-key", out var key));
        Assert.Equal("keyvault-placeholder:api-key", key.Value);
    }

    [Fact]
    public void Without_an_environment_the_loader_reads_the_catalog_alone()
    {
        var loaded = RepositoryGatewayLoader.Load(_repo.Root);

        Assert.True(loaded.Blueprint.NamedValues!.TryGet("greeting", out var greeting));
        Assert.Equal("hello", greeting.Value);
    }

    [Fact]
    public void An_unknown_environment_is_an_error_listing_the_environments()
    {
        var loaded = RepositoryGatewayLoader.Load(_repo.Root, new RepositoryLoadOptions { Environment = "staging" });

        var diagnostic = Assert.Single(loaded.Diagnostics);
        Assert.Equal("AGW2020", diagnostic.Code);
        Assert.Equal("Environment 'staging' does not exist; the environments are: dev, prod.", diagnostic.Message);
        Assert.Equal(Path.Combine(_repo.Root, "policies", "environments"), diagnostic.Location.File);
    }

    [Fact]
    public void An_environment_given_without_a_catalog_finds_every_value_undeclared()
    {
        var loaded = NamedValueLayering.Load(null, Path.Combine(_repo.Root, "policies", "environments", "prod.json"));

        Assert.Equal("AGW2022", Assert.Single(loaded.Diagnostics).Code);
        Assert.Equal(0, loaded.Set.Count);
    }

    [Fact]
    public void An_unreadable_environment_file_is_a_diagnostic()
    {
        var missing = Path.Combine(_repo.Root, "policies", "environments", "gone.json");

        var loaded = NamedValueLayering.Load(Path.Combine(_repo.Root, "policies", "named-values.json"), missing);

        Assert.Equal("AGW2002", Assert.Single(loaded.Diagnostics).Code);
        Assert.Equal(2, loaded.Set.Count);
    }

    [Fact]
    public void Neither_file_means_an_empty_set()
    {
        var loaded = NamedValueLayering.Load(null, null);

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(0, loaded.Set.Count);
    }

    [Fact]
    public void An_override_does_not_print_its_value()
    {
        var entry = new NamedValueOverride("api-key", "sk-in-clear-text", Diagnostics.SourceLocation.StartOf("dev.json"));

        Assert.DoesNotContain("sk-in-clear-text", entry.ToString(), StringComparison.Ordinal);
    }
}
