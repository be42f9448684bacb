export const id=256;export const ids=[256];export const modules={6256:(module=>{module.exports=eval("require")("kerberos")})};
