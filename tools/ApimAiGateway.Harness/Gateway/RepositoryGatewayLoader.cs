using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>
/// Reads a repository in the documented layout (docs/repository-layout.md, docs/apis-file.md) into a
/// <see cref="GatewayBlueprint"/>: policies per scope, fragments, named values, APIs, products and backends.
/// Never throws: unreadable or malformed files come back as located diagnostics.
/// </summary>
public static class RepositoryGatewayLoader
{
    private const string BackendsFile = "backends.json";
    private static readonly string[] ApiFileNames = ["api.json", "api.yaml", "api.yml"];

    public static GatewayLoadResult Load(string root, RepositoryLoadOptions? options = null)
    {
        options ??= new RepositoryLoadOptions();
        var diagnostics = new DiagnosticBag();
        var policiesDirectory = Path.Combine(root, PolicyLayout.PoliciesDirectory);
        if (!Directory.Exists(policiesDirectory))
        {
            diagnostics.Add(ScenarioDiagnostics.RepositoryNotFound, SourceLocation.StartOf(root), root);
            return new GatewayLoadResult(new GatewayBlueprint(), diagnostics.Items);
        }

        var policies = new List<PolicySource>();
        AddPolicy(policies, Path.Combine(policiesDirectory, "global.xml"), PolicyScopes.Global, diagnostics);
        var apis = LoadApis(Path.Combine(policiesDirectory, "apis"), policies, diagnostics);
        var products = LoadProducts(Path.Combine(policiesDirectory, "products"), apis, policies, diagnostics);
        var backendsFile = Path.Combine(policiesDirectory, BackendsFile);
        var blueprint = new GatewayBlueprint
        {
            Policies = policies,
            Fragments = LoadFragments([Path.Combine(root, PolicyLayout.FragmentsDirectory), .. options.FragmentDirectories], diagnostics),
            NamedValues = LoadNamedValues(root, options, diagnostics),
            Apis = apis,
            Products = products,
            Backends = LoadBackends(backendsFile, diagnostics),
        };
        return new GatewayLoadResult(blueprint, diagnostics.Items);
    }

    private static IReadOnlyList<Backends.BackendDefinition> LoadBackends(string file, DiagnosticBag diagnostics)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var (backends, problems) = Backends.BackendsFile.Load(file);
        diagnostics.AddRange(problems);
        return backends;
    }

    /// <summary>Reads policy files named one by one; APIs, products and subscriptions are the caller's to add.</summary>
    public static GatewayLoadResult LoadFiles(PolicyFileSelection files)
    {
        var diagnostics = new DiagnosticBag();
        var policies = new List<PolicySource>();

        // The API and operation files describe one API: its id comes from whichever of them sits in the layout.
        var apiId = new[] { files.Api, files.Operation }.Select(f => f is null ? null : PolicyLayout.PlacementOf(f).ApiId).FirstOrDefault(id => id is not null) ?? "api";
        AddNamed(files.Global, PolicyScopes.Global);
        AddNamed(files.Product, PolicyScopes.Product);
        AddNamed(files.Api, PolicyScopes.Api);
        AddNamed(files.Operation, PolicyScopes.Operation);
        var blueprint = new GatewayBlueprint
        {
            Policies = policies,
            Fragments = LoadFragments(files.FragmentDirectories, diagnostics),
            NamedValues = NamedValueLayering.LoadInto(files.NamedValuesFile, files.EnvironmentFile, diagnostics),
        };
        return new GatewayLoadResult(blueprint, diagnostics.Items);

        void AddNamed(string? path, PolicyScopes scope)
        {
            if (path is null)
            {
                return;
            }

            var placement = PolicyLayout.PlacementOf(path);
            var name = placement.Scope == scope ? placement.Name : Path.GetFileNameWithoutExtension(path);
            AddPolicy(policies, path, scope, diagnostics, mustExist: true, product: name, api: apiId, operation: name);
        }
    }

    private static List<ApiDefinition> LoadApis(string directory, List<PolicySource> policies, DiagnosticBag diagnostics)
    {
        var apis = new List<ApiDefinition>();
        foreach (var apiDirectory in SortedEntries(directory, Directory.EnumerateDirectories))
        {
            var id = Path.GetFileName(apiDirectory);
            var apiFile = ApiFileNames.Select(name => Path.Combine(apiDirectory, name)).FirstOrDefault(File.Exists);
            var api = apiFile is null
                ? ApiFileReader.Default(id)
                : YamlFile.Load(apiFile, diagnostics) is { } root ? ApiFileReader.Read(id, root, new YamlReader(apiFile, diagnostics)) : null;
            if (api is null)
            {
                continue;
            }

            apis.Add(api);
            AddPolicy(policies, Path.Combine(apiDirectory, "api.xml"), PolicyScopes.Api, diagnostics, api: id);
            foreach (var file in SortedEntries(Path.Combine(apiDirectory, "operations"), PolicyFiles))
            {
                var operation = Path.GetFileNameWithoutExtension(file);
                if (AddPolicy(policies, file, PolicyScopes.Operation, diagnostics, api: id, operation: operation)
                    && !api.Operations.Any(o => o.Id == operation))
                {
                    diagnostics.Add(ScenarioDiagnostics.UnreachableOperationPolicy, SourceLocation.StartOf(file), id, operation);
                }
            }
        }

        return apis;
    }

    private static List<ProductDefinition> LoadProducts(string directory, List<ApiDefinition> apis, List<PolicySource> policies, DiagnosticBag diagnostics)
    {
        var products = new List<ProductDefinition>();
        var ids = SortedEntries(directory, Directory.EnumerateFiles)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileNameWithoutExtension)
            .Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            AddPolicy(policies, Path.Combine(directory, id + ".xml"), PolicyScopes.Product, diagnostics, product: id);
            var productFile = Path.Combine(directory, id + ".json");
            var product = !File.Exists(productFile) ? new ProductDefinition(id!, [])
                : YamlFile.Load(productFile, diagnostics) is { } root ? ProductFileReader.Read(id!, root, new YamlReader(productFile, diagnostics)) : null;
            if (product is null)
            {
                continue;
            }

            foreach (var unknown in product.ApiIds.Where(a => !apis.Exists(api => api.Id == a)))
            {
                diagnostics.Add(ScenarioDiagnostics.UndefinedReference, SourceLocation.StartOf(productFile), "API", unknown,
                    apis.Count == 0 ? "(none)" : string.Join(", ", apis.Select(a => a.Id)));
            }

            products.Add(product);
        }

        return products;
    }

    private static List<FragmentSource> LoadFragments(IEnumerable<string> directories, DiagnosticBag diagnostics)
    {
        var fragments = new List<FragmentSource>();
        foreach (var file in directories.SelectMany(d => SortedEntries(d, PolicyFiles)))
        {
            if (PolicyFileText.Read(file, diagnostics) is { } text)
            {
                fragments.Add(new FragmentSource(PolicyLayout.FragmentIdOf(file), text, file));
            }
        }

        return fragments;
    }

    private static NamedValueSet? LoadNamedValues(string root, RepositoryLoadOptions options, DiagnosticBag diagnostics)
    {
        var catalog = options.NamedValuesFile ?? NamedValueEnvironments.ExistingCatalogOf(root);
        string? environmentFile = null;
        if (options.Environment is { } environment)
        {
            environmentFile = NamedValueEnvironments.FileOf(root, environment);
            if (environmentFile is null)
            {
                diagnostics.Add(NamedValueDiagnostics.UnknownEnvironment, SourceLocation.StartOf(NamedValueEnvironments.DirectoryOf(root)),
                    environment, NamedValueEnvironments.DescribeDefined(root));
            }
        }

        return NamedValueLayering.LoadInto(catalog, environmentFile, diagnostics);
    }

    /// <returns>Whether the policy was read; an absent optional file is no problem.</returns>
    private static bool AddPolicy(List<PolicySource> policies, string path, PolicyScopes scope, DiagnosticBag diagnostics,
        bool mustExist = false, string? product = null, string? api = null, string? operation = null)
    {
        if (!mustExist && !File.Exists(path))
        {
            return false;
        }

        if (mustExist && !File.Exists(path))
        {
            diagnostics.Add(InputDiagnostics.PathNotFound, SourceLocation.StartOf(path), path);
            return false;
        }

        if (PolicyFileText.Read(path, diagnostics) is not { } text)
        {
            return false;
        }

        policies.Add(new PolicySource(scope, text, path)
        {
            Product = scope == PolicyScopes.Product ? product : null,
            Api = scope is PolicyScopes.Api or PolicyScopes.Operation ? api : null,
            Operation = scope == PolicyScopes.Operation ? operation : null,
        });
        return true;
    }

    private static IEnumerable<string> PolicyFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*" + PolicyLayout.PolicyFileExtension);

    private static IEnumerable<string> SortedEntries(string directory, Func<string, IEnumerable<string>> list) =>
        Directory.Exists(directory) ? list(directory).Order(StringComparer.Ordinal) : [];
}
