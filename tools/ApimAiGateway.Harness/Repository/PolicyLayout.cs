using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Repository;

/// <summary>
/// Where policy files stand in a repository and which scope each one is (docs/repository-layout.md):
/// <code>
/// policies/global.xml                               global scope
/// policies/products/&lt;product&gt;.xml                    product scope
/// policies/apis/&lt;api&gt;/api.xml                        API scope
/// policies/apis/&lt;api&gt;/operations/&lt;operation&gt;.xml     operation scope
/// fragments/&lt;fragment-id&gt;.xml                         policy fragments
/// </code>
/// A file elsewhere is a policy document of unknown scope, checked against every scope.
/// </summary>
public static class PolicyLayout
{
    public const string PoliciesDirectory = "policies";
    public const string FragmentsDirectory = "fragments";
    public const string PolicyFileExtension = ".xml";

    /// <summary>The scope of a policy document at <paramref name="path"/>, and the API it belongs to when it has one.</summary>
    public static PolicyPlacement PlacementOf(string path)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var root = Array.LastIndexOf(parts, PoliciesDirectory);
        if (root < 0)
        {
            return PolicyPlacement.Unplaced;
        }

        var rest = parts[(root + 1)..];
        return rest switch
        {
            ["global.xml"] => new PolicyPlacement(PolicyScopes.Global, null, null),
            ["products", var product] when IsPolicyFile(product) => new PolicyPlacement(PolicyScopes.Product, null, Stem(product)),
            ["apis", var api, "api.xml"] => new PolicyPlacement(PolicyScopes.Api, api, null),
            ["apis", var api, "operations", var operation] when IsPolicyFile(operation) =>
                new PolicyPlacement(PolicyScopes.Operation, api, Stem(operation)),
            _ => PolicyPlacement.Unplaced,
        };
    }

    /// <summary>
    /// A fragment's id is its file name, without a <c>.fragment</c> suffix if it has one: Microsoft's AI-Gateway labs
    /// deploy <c>emit-content-log.fragment.xml</c> as fragment <c>emit-content-log</c>.
    /// </summary>
    public static string FragmentIdOf(string path)
    {
        var stem = Stem(Path.GetFileName(path));
        return stem.EndsWith(".fragment", StringComparison.OrdinalIgnoreCase) ? stem[..^".fragment".Length] : stem;
    }

    public static bool IsPolicyFile(string path) => path.EndsWith(PolicyFileExtension, StringComparison.OrdinalIgnoreCase);

    private static string Stem(string fileName) => Path.GetFileNameWithoutExtension(fileName);
}

/// <summary>Where a policy document applies: its scope, its API (API and operation scopes) and its own name.</summary>
public sealed record PolicyPlacement(PolicyScopes Scope, string? ApiId, string? Name)
{
    /// <summary>A document outside the layout: any scope.</summary>
    public static PolicyPlacement Unplaced { get; } = new(PolicyScopes.All, null, null);

    public bool IsPlaced => Scope != PolicyScopes.All;
}
