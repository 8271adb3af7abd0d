export function SignUpScreen() {
  return <main className="page"><h1>SignUpScreen</h1></main>;
}
