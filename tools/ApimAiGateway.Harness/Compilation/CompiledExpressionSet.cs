using System.Reflection;
using System.Runtime.Loader;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// The loaded assembly of one compilation: a delegate per expression, in the order the expressions were given.
/// The assembly lives in a collectible load context so a long-running host can reload a changed library.
/// </summary>
public sealed class CompiledExpressionSet
{
    private readonly Delegate[] _delegates;

    private CompiledExpressionSet(Delegate[] delegates) => _delegates = delegates;

    public int Count => _delegates.Length;

    /// <summary>The expression at <paramref name="index"/> as a function of the context; booleans come boxed.</summary>
    public Func<TContext, object?> Get<TContext>(int index) => _delegates[index] switch
    {
        Func<TContext, object?> value => value,
        Func<TContext, bool> condition => context => condition(context),
        var other => throw new InvalidOperationException(
            $"Expression {index} was compiled for context type {other.Method.GetParameters()[0].ParameterType}, not {typeof(TContext)}."),
    };

    internal static CompiledExpressionSet Load(byte[] image, Type contextType, int count)
    {
        var loadContext = new AssemblyLoadContext("apim-expressions", isCollectible: true);
        using var stream = new MemoryStream(image, writable: false);
        var assembly = loadContext.LoadFromStream(stream);
        var type = assembly.GetType(GeneratedExpressionSource.Namespace + "." + GeneratedExpressionSource.ClassName, throwOnError: true)!;
        var delegates = new Delegate[count];
        for (var i = 0; i < count; i++)
        {
            var method = type.GetMethod(GeneratedExpressionSource.MethodName(i), BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException($"The compiled expressions lack method {GeneratedExpressionSource.MethodName(i)}.");
            var delegateType = typeof(Func<,>).MakeGenericType(contextType, method.ReturnType);
            delegates[i] = method.CreateDelegate(delegateType);
        }

        return new CompiledExpressionSet(delegates);
    }
}
