using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApimAiGateway.Harness.Compilation.Rules;

/// <summary>A breach of APIM's allowed-types rule, at a position of the generated source.</summary>
internal readonly record struct TypeRuleViolation(int Position, Diagnostics.DiagnosticDescriptor Descriptor, object[] Arguments);

/// <summary>
/// Enforces APIM's allowed-types rule (apim-reference §1.5-1.6) on Roslyn's semantic model: every type named and
/// every member used must be on the list, and nothing may be bound late. The expression API (the <c>context</c>
/// model and its helpers) is exempt, as it is in APIM.
/// </summary>
internal sealed class ApimTypeRuleAnalyzer(SemanticModel model, IReadOnlyList<string> apiNamespaces, IReadOnlyList<string> plantedTypes)
{
    private static readonly SymbolDisplayFormat TypeDisplay = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    private readonly Dictionary<ITypeSymbol, bool> _exemptTypes = new(SymbolEqualityComparer.Default);

    public void Analyze(SyntaxNode body, List<TypeRuleViolation> violations)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax { IsVar: true }:
                    break;
                case SimpleNameSyntax name:
                    CheckName(name, violations);
                    break;
                case ObjectCreationExpressionSyntax creation:
                    CheckSymbol(creation.NewKeyword.SpanStart, model.GetSymbolInfo(creation).Symbol, violations, reportUnlistedType: false);
                    break;
                case ElementAccessExpressionSyntax access:
                    CheckElementAccess(access, violations);
                    break;
            }
        }
    }

    private void CheckName(SimpleNameSyntax name, List<TypeRuleViolation> violations)
    {
        if (IsMemberOfDynamicReceiver(name))
        {
            violations.Add(new(name.SpanStart, Diagnostics.ExpressionDiagnostics.DynamicNotSupported, []));
            return;
        }

        var info = model.GetSymbolInfo(name);
        if (info.Symbol is null && info.CandidateReason == CandidateReason.LateBound)
        {
            violations.Add(new(name.SpanStart, Diagnostics.ExpressionDiagnostics.DynamicNotSupported, []));
            return;
        }

        // A static member reached through its type's name is reported once, at the type name.
        var reachedThroughTypeName = name.Parent is MemberAccessExpressionSyntax access
                                     && access.Name == name
                                     && model.GetSymbolInfo(access.Expression).Symbol is ITypeSymbol;
        CheckSymbol(name.SpanStart, info.Symbol, violations, reportUnlistedType: !reachedThroughTypeName);
    }

    private void CheckElementAccess(ElementAccessExpressionSyntax access, List<TypeRuleViolation> violations)
    {
        if (model.GetTypeInfo(access.Expression).Type is { TypeKind: TypeKind.Dynamic })
        {
            violations.Add(new(access.ArgumentList.SpanStart, Diagnostics.ExpressionDiagnostics.DynamicNotSupported, []));
            return;
        }

        CheckSymbol(access.ArgumentList.SpanStart, model.GetSymbolInfo(access).Symbol, violations, reportUnlistedType: true);
    }

    private bool IsMemberOfDynamicReceiver(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access
        && access.Name == name
        && model.GetTypeInfo(access.Expression).Type is { TypeKind: TypeKind.Dynamic };

    private void CheckSymbol(int position, ISymbol? symbol, List<TypeRuleViolation> violations, bool reportUnlistedType)
    {
        switch (symbol)
        {
            case ITypeSymbol type:
                CheckType(position, type, violations);
                break;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                // Declared inside the expression itself, not taken from a library.
                break;
            case IMethodSymbol method:
                var definition = method.ReducedFrom ?? method;
                CheckMember(position, definition.ContainingType, definition.MetadataName, definition.Parameters.Length, violations, reportUnlistedType);
                break;
            case IPropertySymbol property:
                CheckMember(position, property.ContainingType, property.MetadataName, property.Parameters.Length, violations, reportUnlistedType);
                break;
            case IFieldSymbol field:
                CheckMember(position, field.ContainingType, field.MetadataName, 0, violations, reportUnlistedType);
                break;
            case IEventSymbol @event:
                CheckMember(position, @event.ContainingType, @event.MetadataName, 0, violations, reportUnlistedType);
                break;
        }
    }

    private void CheckMember(int position, INamedTypeSymbol? containingType, string memberName, int parameterCount, List<TypeRuleViolation> violations, bool reportUnlistedType)
    {
        if (containingType is null || IsExempt(containingType))
        {
            return;
        }

        var typeName = MetadataName(containingType);
        if (!ApimAllowedTypes.IsTypeListed(typeName))
        {
            if (reportUnlistedType)
            {
                violations.Add(new(position, Diagnostics.ExpressionDiagnostics.TypeNotSupported, [Display(containingType)]));
            }

            return;
        }

        if (!ApimAllowedTypes.IsMemberAllowed(typeName, memberName, parameterCount))
        {
            var shownName = memberName == ".ctor" ? containingType.Name : memberName;
            violations.Add(new(position, Diagnostics.ExpressionDiagnostics.MemberNotSupported, [shownName, Display(containingType)]));
        }
    }

    private void CheckType(int position, ITypeSymbol type, List<TypeRuleViolation> violations)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                CheckType(position, array.ElementType, violations);
                return;
            case IDynamicTypeSymbol:
                violations.Add(new(position, Diagnostics.ExpressionDiagnostics.DynamicNotSupported, []));
                return;
            case INamedTypeSymbol named when !IsExempt(named) && !ApimAllowedTypes.IsTypeListed(MetadataName(named)):
                violations.Add(new(position, Diagnostics.ExpressionDiagnostics.TypeNotSupported, [Display(named)]));
                return;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                violations.Add(new(position, Diagnostics.ExpressionDiagnostics.TypeNotSupported, [type.ToDisplayString()]));
                return;
        }
    }

    /// <summary>Types of the expression API, anonymous types and the compiler's own are never on APIM's list.</summary>
    private bool IsExempt(ITypeSymbol type)
    {
        if (_exemptTypes.TryGetValue(type, out var exempt))
        {
            return exempt;
        }

        exempt = type.IsAnonymousType
                 || type.TypeKind is TypeKind.TypeParameter or TypeKind.Error
                 || IsInApiNamespace(type)
                 || plantedTypes.Contains(type.ToDisplayString(TypeDisplay));
        _exemptTypes[type] = exempt;
        return exempt;
    }

    private bool IsInApiNamespace(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace?.ToDisplayString();
        return ns is not null && apiNamespaces.Any(api => ns == api || ns.StartsWith(api + ".", StringComparison.Ordinal));
    }

    private static string Display(ITypeSymbol type) => type.OriginalDefinition.ToDisplayString(TypeDisplay);

    /// <summary>The CLR-style name the allowed list is keyed by: namespace, nesting with '+', arity after '`'.</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var name = definition.MetadataName;
        for (var outer = definition.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        var ns = definition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }
}
