export function SignInScreen() {
  return <main className="page"><h1>SignInScreen</h1></main>;
}
